/**
 * Child-process side of `startMockProcess`: starts the reference mock with the options it is sent
 * over IPC, reports its URL, and stops when the parent disconnects (or dies).
 */
import { type StartMockServerOptions, startMockServer } from './start-mock-server.ts';

type Start = Omit<StartMockServerOptions, 'wrap' | 'validators' | 'nextId' | 'onMessage'>;

process.once('message', (options: Start) => {
  startMockServer(options).then(
    (server) => {
      process.send?.({ url: server.url });
      process.once('disconnect', () => {
        server.close().finally(() => process.exit(0));
      });
    },
    (error: Error) => {
      process.send?.({ error: error.message });
      process.exit(1);
    },
  );
});
