package org.cecplatform.localstack;

import java.math.BigDecimal;
import java.net.URI;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The development payment provider at the command line: pays a pending renewal (exactly what it asks, or with the
 * amount, currency, reference or status changed to try the other cases) and prints the renewal-service's answer.
 */
@Command(name = "pay", mixinStandardHelpOptions = true,
        description = "Pays a pending renewal through the development payment provider (a signed webhook call to the"
                + " renewal-service) and prints the answer: RENEWED, UNMATCHED (with the reason) or NOT_PAID.")
final class PayCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--renewal-url",
            description = "The renewal-service. Default: $RENEWAL, else http://127.0.0.1:$RENEWAL_PORT (8082).")
    String renewalUrl;

    @Option(names = "--amount", description = "Pay this amount instead of the fee (to see an unmatched payment).")
    BigDecimal amount;

    @Option(names = "--currency", description = "Pay in this currency instead of the fee's.")
    String currency;

    @Option(names = "--reference", description = "Pay under this reference instead of the renewal's.")
    String reference;

    @Option(names = "--status", defaultValue = "SUCCEEDED",
            description = "The payment's status: SUCCEEDED (default) or e.g. FAILED.")
    String status;

    @Option(names = "--event-id", description = "The provider's event id; default a new one (repeat one to redeliver).")
    String eventId;

    @Parameters(index = "0", description = "The renewal id (renewalId of the 202 answer to the renewal request).")
    String renewalId;

    @Override
    public Integer call() throws Exception {
        StackPaths paths = dataDir.paths();
        String secret = PaymentWebhookSecret.loadOrCreate(paths.paymentWebhookSecret());
        String staff = TokenMinter.using(new JwtKeys(paths.jwt())).mint("staff", "payment-provider");
        DevPaymentProvider provider = new DevPaymentProvider(URI.create(renewalService()), secret, staff);
        DevPaymentProvider.Notice due = provider.paymentOf(renewalId);
        DevPaymentProvider.Notice sent = new DevPaymentProvider.Notice(eventId != null ? eventId : due.eventId(), status,
                reference != null ? reference : due.reference(), amount != null ? amount : due.amount(),
                currency != null ? currency : due.currency());
        DevPaymentProvider.Answer answer = provider.notify(sent);
        System.out.println(answer.body());
        return answer.status() == 200 ? 0 : 1;
    }

    private String renewalService() {
        if (renewalUrl != null) {
            return renewalUrl;
        }
        String fromEnv = System.getenv("RENEWAL");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv
                : "http://127.0.0.1:" + Ports.fromEnv(PlatformService.RENEWAL.portVariable(), PlatformService.RENEWAL.defaultPort());
    }
}
