package org.harbour.platform;

/**
 * A start that cannot go on, with its cause already put for the operator in one line (what is wrong
 * and what to change). Its message is written to the log as it is, so it never holds a password,
 * a secret or personal data: only settings, host names, ports, account and migration names.
 */
public final class StartupFailure extends IllegalStateException {

    public StartupFailure(String cause) {
        super(cause);
    }
}
