package org.harbour.platform;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.annotation.Transactional;

/**
 * Gives every {@code @Transactional} method {@link TransactionRetries}: it wraps the transaction interceptor (it runs
 * just before it), so each attempt is a whole new transaction. A method that joins a transaction already open runs
 * once; its caller's transaction is the one that retries. (Harbour's transactional methods are all synchronous.)
 */
@InterceptorBean(Transactional.class)
class RetriedTransactions implements MethodInterceptor<Object, Object> {

    private final TransactionRetries retries;

    RetriedTransactions(TransactionRetries retries) {
        this.retries = retries;
    }

    @Override
    public int getOrder() {
        return InterceptPhase.RETRY.getPosition();
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (retries.insideTransaction()) {
            return context.proceed();
        }
        return retries.run(() -> context.proceed(this));
    }
}
