package org.confmail.platform.instances;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The heartbeat rows of the running instances; each write is its own short transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ServerInstances {

    @PersistenceContext
    EntityManager em;

    /** Records a beat; writes the row again when it is missing (deleted by hand, or a database restored). */
    public void beat(String incarnation, String name, Instant startedAt, Instant now) {
        int changed = em.createQuery("UPDATE ServerInstance i SET i.beatAt = :now WHERE i.incarnation = :incarnation")
                .setParameter("now", now)
                .setParameter("incarnation", incarnation)
                .executeUpdate();
        if (changed == 0) {
            em.persist(new ServerInstance(incarnation, name, startedAt));
        }
    }

    /** Forgets processes that stopped long ago; their claims, if any, are long past their lease. */
    public int forgetSilentSince(Instant before) {
        return em.createQuery("DELETE FROM ServerInstance i WHERE i.beatAt < :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
