/** The worker entry: receives commands, hands them to the session, posts events. */
import { transferablesOf, type Command, type WorkerEvent } from './protocol';
import { TrainingSession } from './trainingSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: WorkerEvent) => scope.postMessage(event, transferablesOf(event));
const session = new TrainingSession(post);

scope.onmessage = (e: MessageEvent<Command>) => {
  try {
    session.handle(e.data);
  } catch (err) {
    session.fail(err);
  }
};
// Reported, but they do not end a run: every run's own failures are caught where they happen.
scope.addEventListener('unhandledrejection', (e) => session.fail(e.reason, false));
scope.addEventListener('error', (e) => session.fail(e.error ?? e.message, false));
