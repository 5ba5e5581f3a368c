import { shownProblems } from '../engine';

// A lesson file the course refuses: every problem names the path in the file where it is, like the
// engine's ScenarioError. Only the first few are put in the message.

export class LessonError extends Error {
  readonly problems: string[];
  constructor(readonly allProblems: string[]) {
    const shown = shownProblems(allProblems);
    super(`invalid lesson: ${shown.join('; ')}`);
    this.problems = shown;
    this.name = 'LessonError';
  }
}
