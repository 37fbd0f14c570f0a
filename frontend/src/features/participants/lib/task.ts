// What someone works on, by the server's rules (TaskRules.cs): up to 80 characters once trimmed, written as
// a name is (nothing hidden, nothing that turns text around); empty clears it.
import { isShowableText, trimmedLength } from '@/lib/visible-text';

/** The most a task may hold, in the server's measure (UTF-16 code units, trimmed). */
export const taskMaxLength = 80;

export type TaskProblem = 'participants.task.tooLong' | 'participants.task.invalid';

/** What is wrong with a task as typed, or undefined (an empty one clears the task). */
export function checkTask(value: string): TaskProblem | undefined {
  if (trimmedLength(value) === 0) return undefined;
  if (trimmedLength(value) > taskMaxLength) return 'participants.task.tooLong';
  if (!isShowableText(value.trim())) return 'participants.task.invalid';
  return undefined;
}
