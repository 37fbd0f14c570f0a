import { describe, expect, it } from 'vitest';

import { checkTask, taskMaxLength } from './task';

describe('what I work on', () => {
  it('may be empty (it clears) or up to 80 characters once trimmed', () => {
    expect(checkTask('')).toBeUndefined();
    expect(checkTask('   ')).toBeUndefined();
    expect(checkTask(`  ${'a'.repeat(taskMaxLength)}  `)).toBeUndefined();
    expect(checkTask('a'.repeat(taskMaxLength + 1))).toBe('participants.task.tooLong');
  });

  it('follows the rules of names: nothing hidden, nothing that turns text around', () => {
    expect(checkTask('릴리스 노트 ✍️')).toBeUndefined();
    expect(checkTask('fix\u202Egnp.exe')).toBe('participants.task.invalid');
    expect(checkTask('\u3164')).toBe('participants.task.invalid');
  });
});
