package io.scaleguard.adapters.rest;

import io.scaleguard.application.port.in.AuthorizeRequestUseCase;
import io.scaleguard.application.port.in.ChangePasswordUseCase;
import io.scaleguard.application.port.in.GetProfileUseCase;
import io.scaleguard.application.port.in.IssueTokenUseCase;
import io.scaleguard.application.port.in.PublishKeysUseCase;
import io.scaleguard.application.port.in.RegisterUserUseCase;
import io.scaleguard.application.port.in.RevokeTokenUseCase;
import io.scaleguard.application.port.out.HealthCheck;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the HTTP adapter needs from the composition root: the use cases it drives, the readiness checks,
 * the CIDRs of proxies whose {@code X-Forwarded-For} is believed, the issuer URL (the base of the metadata
 * document's endpoints) and the scopes a client may ask for.
 */
public record RestComponents(RegisterUserUseCase registerUser, IssueTokenUseCase issueToken, RevokeTokenUseCase revokeToken,
                             AuthorizeRequestUseCase authorizeRequest, GetProfileUseCase getProfile,
                             ChangePasswordUseCase changePassword, PublishKeysUseCase publishKeys, List<HealthCheck> readiness,
                             List<String> trustedProxies, URI issuer, Set<String> scopes) {

    public RestComponents {
        Objects.requireNonNull(registerUser, "registerUser");
        Objects.requireNonNull(issueToken, "issueToken");
        Objects.requireNonNull(revokeToken, "revokeToken");
        Objects.requireNonNull(authorizeRequest, "authorizeRequest");
        Objects.requireNonNull(getProfile, "getProfile");
        Objects.requireNonNull(changePassword, "changePassword");
        Objects.requireNonNull(publishKeys, "publishKeys");
        Objects.requireNonNull(issuer, "issuer");
        readiness = readiness == null ? List.of() : List.copyOf(readiness);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
}
