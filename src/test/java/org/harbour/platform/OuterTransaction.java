package org.harbour.platform;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** A transaction that calls another transactional method, which joins it, for {@link TransactionRetriesTest}. */
@Singleton
class OuterTransaction {

    final AtomicInteger runs = new AtomicInteger();
    private final CrossingTransactions crossing;

    OuterTransaction(CrossingTransactions crossing) {
        this.crossing = crossing;
    }

    @Transactional
    public void callInnerThatFailsOnce() {
        runs.incrementAndGet();
        crossing.add(1);
        crossing.inner(true);
    }
}
