package org.cecplatform.platform.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A second line behind {@link BodyLimitFilter}: an entity read (JSON) fails with 413 as soon as it passes the route's
 * limit, whatever way the body came in. The resource method never runs, so nothing changes.
 */
@Provider
public class CountingBodyLimit implements ReaderInterceptor {

    @Inject
    CurrentVertxRequest current;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext ctx = current.getCurrent();
        Long max = ctx == null ? null : ctx.get(BodyLimitFilter.LIMIT_KEY);
        if (max != null) {
            context.setInputStream(new Limited(context.getInputStream(), max));
        }
        return context.proceed();
    }

    /** Counts what is read and throws {@link BodyTooLargeException} at the first byte over the limit. */
    static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(long n) {
            count += n;
            if (count > max) {
                throw new BodyTooLargeException(max);
            }
        }
    }
}
