package org.cecplatform.renewal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The payment provider's webhook and how long a renewal waits for its payment (README "Payments"). */
@ConfigMapping(prefix = "cec.payments")
public interface PaymentSettings {

    /** The secret the provider signs its webhook calls with (PAYMENT_WEBHOOK_SECRET); no default anywhere. */
    String webhookSecret();

    /** The secret before the last rotation, also accepted while the provider switches (PAYMENT_WEBHOOK_SECRET_PREVIOUS). */
    Optional<String> previousWebhookSecret();

    /** How far a signature's time may be from now (real time): older notifications are refused as replays. */
    @WithDefault("5M")
    Duration signatureTolerance();

    /** How long a renewal request waits for its payment before it expires, changing nothing (PAYMENT_PENDING_FOR). */
    @WithDefault("24H")
    Duration pendingFor();
}
