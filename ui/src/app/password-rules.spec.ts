import { describe, expect, it } from 'vitest';
import { passwordChangeErrors, passwordProblem } from './password-rules';

describe('password change', () => {
  it('accepts a long new password typed twice that differs from the given one', () => {
    expect(passwordChangeErrors('Kx7m-given-one', 'a-password-of-my-own', 'a-password-of-my-own', 'ann')).toEqual({});
  });

  it('names each field that is wrong', () => {
    expect(Object.keys(passwordChangeErrors('', '', ''))).toEqual(['currentPassword', 'newPassword']);
    expect(Object.keys(passwordChangeErrors('given', 'short', 'short'))).toEqual(['newPassword']);
    expect(passwordChangeErrors('same-password-1', 'same-password-1', 'same-password-1').newPassword).toMatch(/different/);
    expect(passwordChangeErrors('given', 'Ann.Longname.1', 'Ann.Longname.1', 'ann.longname.1').newPassword).toMatch(/username/);
    expect(Object.keys(passwordChangeErrors('given', 'a-password-of-my-own', 'a-password-of-my-0wn'))).toEqual(['confirmPassword']);
  });

  it('says the service’s refusals in the dashboard’s words', () => {
    expect(passwordProblem('currentPassword', 'is not your current password')).toMatch(/not the password you were given/);
    expect(passwordProblem('newPassword', 'is too easy to guess; a few unrelated words make a good one')).toMatch(/Too easy/);
    expect(passwordProblem('newPassword', 'must differ from the current password')).toMatch(/different/);
    expect(passwordProblem('newPassword', 'something new')).toBe('something new');
  });
});
