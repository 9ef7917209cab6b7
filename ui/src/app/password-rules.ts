import { t } from '../i18n';

export const MIN_PASSWORD_LENGTH = 12;

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';
export type PasswordErrors = Partial<Record<PasswordField, string>>;

/**
 * What the browser can tell before asking the service: a field left empty, a new password too short, equal to
 * the current one or to the username, or not typed the same twice. The service checks the rest (common
 * passwords, a wrong current one) and its answer lands next to the same fields.
 */
export function passwordChangeErrors(current: string, next: string, confirm: string, username = ''): PasswordErrors {
  const errors: PasswordErrors = {};
  if (!current) errors.currentPassword = t('password.err.current');
  if (!next) errors.newPassword = t('admin.err.required');
  else if ([...next].length < MIN_PASSWORD_LENGTH) errors.newPassword = t('admin.err.passwordLength', { n: MIN_PASSWORD_LENGTH });
  else if (next === current) errors.newPassword = t('password.err.same');
  else if (username && next.toLowerCase() === username.toLowerCase()) errors.newPassword = t('password.err.username');
  if (next && confirm !== next) errors.confirmPassword = t('password.err.confirm');
  return errors;
}

/** The service's words for the two fields it judges, said in the chosen language where known. */
export function passwordProblem(field: string, message: string): string {
  if (field === 'currentPassword') return t('password.err.wrongCurrent');
  if (/must differ from the current password/.test(message)) return t('password.err.same');
  if (/must not be the username/.test(message)) return t('password.err.username');
  if (/too easy to guess/.test(message)) return t('password.err.common');
  if (/at least \d+ characters/.test(message)) return t('admin.err.passwordLength', { n: MIN_PASSWORD_LENGTH });
  return message;
}
