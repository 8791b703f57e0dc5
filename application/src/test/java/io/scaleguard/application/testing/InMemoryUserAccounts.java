package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Accounts in a map; synchronized, so the uniqueness checks hold under concurrent registrations as a database's would. */
public final class InMemoryUserAccounts implements UserAccounts {

    private final Map<UserId, UserAccount> byId = new LinkedHashMap<>();
    private int lookupsById;

    @Override
    public synchronized AddResult add(UserAccount account) {
        if (byId.values().stream().anyMatch(a -> a.username().equals(account.username()))) {
            return new AddResult.UsernameTaken();
        }
        if (byId.values().stream().anyMatch(a -> a.email().equals(account.email()))) {
            return new AddResult.EmailTaken();
        }
        byId.put(account.id(), account);
        return new AddResult.Added(account);
    }

    @Override
    public synchronized Optional<UserAccount> byUsername(Username username) {
        return byId.values().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    @Override
    public synchronized Optional<UserAccount> byId(UserId id) {
        lookupsById++;
        return Optional.ofNullable(byId.get(id));
    }

    /** How often {@link #byId} was asked: lets a test see what a cache in front of the store saves. */
    public synchronized int lookupsById() {
        return lookupsById;
    }

    @Override
    public synchronized void updatePasswordHash(UserId id, String passwordHash) {
        byId.computeIfPresent(id, (key, a) -> new UserAccount(a.id(), a.username(), a.email(), passwordHash, a.plan(), a.roles(),
                a.disabled(), a.createdAt()));
    }

    @Override
    public boolean setPlan(Username username, Plan plan) {
        return update(username, a -> new UserAccount(a.id(), a.username(), a.email(), a.passwordHash(), plan, a.roles(),
                a.disabled(), a.createdAt()));
    }

    @Override
    public boolean setDisabled(Username username, boolean disabled) {
        return update(username, a -> new UserAccount(a.id(), a.username(), a.email(), a.passwordHash(), a.plan(), a.roles(),
                disabled, a.createdAt()));
    }

    private synchronized boolean update(Username username, UnaryOperator<UserAccount> change) {
        Optional<UserAccount> found = byUsername(username);
        found.ifPresent(a -> byId.put(a.id(), change.apply(a)));
        return found.isPresent();
    }
}
