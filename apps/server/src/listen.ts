import { type AddressInfo, createServer, type Server } from 'node:net';
import { findPortHolder, portBusyMessage } from './port-holder';

export class PortBusyError extends Error {}

/** Binds the port; a busy port becomes a PortBusyError naming the holder. Kills nothing. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      const holder = await findPortHolder(port).catch(() => undefined);
      reject(new PortBusyError(portBusyMessage(host, port, holder)));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Fails fast with a PortBusyError when `port` is taken, before the app's modules (a second
 * or two to load) are imported; the probe socket is released at once. Other errors are
 * left for the real `listen` to report.
 */
export async function probePort(host: string, port: number): Promise<void> {
  const probe = createServer();
  try {
    await listen(probe, host, port);
  } catch (error) {
    if (error instanceof PortBusyError) throw error;
    return;
  }
  await new Promise((resolve) => probe.close(resolve));
}
