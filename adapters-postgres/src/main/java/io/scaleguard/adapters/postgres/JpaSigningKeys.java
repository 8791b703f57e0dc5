package io.scaleguard.adapters.postgres;

import io.scaleguard.adapters.postgres.Transactions.UniqueViolation;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeys;
import java.time.Instant;
import java.util.List;

/** Signing keys in {@code signing_keys}, shared by every replica. */
final class JpaSigningKeys implements SigningKeys {

    private final Transactions transactions;
    private final PrivateKeySealing sealing;

    JpaSigningKeys(Transactions transactions, PrivateKeySealing sealing) {
        this.transactions = transactions;
        this.sealing = sealing;
    }

    @Override
    public List<SigningKey> activeAt(Instant now) {
        return transactions.read("list signing keys", entityManager -> entityManager
                .createQuery("SELECT k FROM SigningKeyJpaEntity k WHERE k.retiredAt IS NULL OR k.retiredAt > :now"
                        + " ORDER BY k.createdAt DESC, k.keyId", SigningKeyJpaEntity.class)
                .setParameter("now", ColumnValues.timestamp(now)).getResultStream().map(entity -> SigningKeyMapper.toKey(entity, sealing)).toList());
    }

    @Override
    public void add(SigningKey key) {
        try {
            transactions.insert("add a signing key", entityManager -> {
                entityManager.persist(SigningKeyMapper.toEntity(key, sealing));
                entityManager.flush();
                return null;
            });
        } catch (UniqueViolation taken) {
            throw new IllegalArgumentException("key " + key.keyId() + " exists");
        }
    }

    @Override
    public boolean retire(String keyId, Instant at) {
        return transactions.write("retire a signing key", entityManager -> entityManager
                .createQuery("UPDATE SigningKeyJpaEntity k SET k.retiredAt = :at WHERE k.keyId = :id")
                .setParameter("at", ColumnValues.timestamp(at)).setParameter("id", keyId).executeUpdate()) == 1;
    }

    @Override
    public int purgeRetiredBefore(Instant cutoff) {
        return transactions.write("purge retired signing keys", entityManager -> entityManager
                .createQuery("DELETE FROM SigningKeyJpaEntity k WHERE k.retiredAt < :cutoff")
                .setParameter("cutoff", ColumnValues.timestamp(cutoff)).executeUpdate());
    }
}
