package io.scaleguard.application.port.in;

/** Spend tokens of a subject's quota: the rate-limit use case behind every protected request and every login attempt. */
public interface ChargeQuotaUseCase {

    QuotaDecision charge(ChargeQuotaCommand command);
}
