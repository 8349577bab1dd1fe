package org.cecplatform.testsupport.hostile;

import java.util.Map;

/**
 * One generated request. {@code path} may hold placeholders the test replaces with real ids: {@code {self}} (the
 * attacking certificant), {@code {victim}} (another certificant), {@code {victimCredit}}, {@code {victimRenewal}},
 * {@code {victimAudit}}, {@code {victimDocument}}. {@code mayBeValid} marks a request the generator cannot promise to
 * be invalid (an extra field, an odd but legal title): a 2xx for it is accounted for, for any other it is a failure.
 */
public record HostileRequest(int index, String service, String method, String path, Caller caller, String contentType,
                             Map<String, String> headers, byte[] body, String kind, boolean mayBeValid) {

    public String describe() {
        return index + " " + kind + " " + method + " " + service + path + " as " + caller + " (" + contentType + ", "
                + (body == null ? 0 : body.length) + " bytes)";
    }
}
