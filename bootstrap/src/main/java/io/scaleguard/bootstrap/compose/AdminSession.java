package io.scaleguard.bootstrap.compose;

import io.scaleguard.adapters.postgres.PersistenceModule;
import io.scaleguard.application.admin.DisableUserService;
import io.scaleguard.application.admin.SetPlanService;
import io.scaleguard.application.port.in.DisableUserCommand;
import io.scaleguard.application.port.in.RotateSigningKeyCommand;
import io.scaleguard.application.port.in.SetPlanCommand;
import io.scaleguard.bootstrap.config.ScaleGuardConfig;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Username;
import java.time.Clock;

/** The administrative commands of the jar, on the same store and use cases as the running replicas. */
public final class AdminSession implements AutoCloseable {

    private final PersistenceModule store;
    private final ScaleGuardConfig config;
    private final Clock clock = Clock.systemUTC();

    private AdminSession(PersistenceModule store, ScaleGuardConfig config) {
        this.store = store;
        this.config = config;
    }

    /** Opens the configured database and brings its schema up to date. */
    public static AdminSession open(ScaleGuardConfig config) {
        return new AdminSession(Persistence.open(config), config);
    }

    /** @return the id of the new key, which signs from now on */
    public String rotateSigningKey(String reason) {
        return UseCases.signingKeys(config, store, clock).rotate(new RotateSigningKeyCommand(reason)).newKeyId();
    }

    /**
     * @return false when there is no such user
     * @throws IllegalArgumentException for a plan no policy of the configuration defines: a typo would otherwise put
     *                                  the user on the default plan without a word
     */
    public boolean setPlan(String username, String plan) {
        if (!config.policies().isPlan(plan)) {
            throw new IllegalArgumentException("no plan named '" + plan + "'; the plans are " + String.join(", ", config.policies().planNames())
                    + " (more come from SCALEGUARD_POLICY_FILE)");
        }
        return new SetPlanService(store.userAccounts()).setPlan(new SetPlanCommand(new Username(username), new Plan(plan)));
    }

    /** @return false when there is no such user */
    public boolean setDisabled(String username, boolean disabled) {
        return new DisableUserService(store.userAccounts(), store.refreshTokens())
                .disable(new DisableUserCommand(new Username(username), disabled));
    }

    @Override
    public void close() {
        store.close();
    }
}
