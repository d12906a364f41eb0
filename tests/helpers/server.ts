// Browser tests and the benchmark share one way to run the production server.
export { DEMO_PASSWORD, freePort, startServer, type RunningServer } from '../../scripts/lib/server';
