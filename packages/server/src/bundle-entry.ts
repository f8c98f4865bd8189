// What the start bundle (dist/server.bundle.cjs, decision 0062) exposes to its loader: the
// server as `npm start` runs it, and serve/readConfig for the browser tests' own clock.
export { runServer } from './run-server.js';
export { serve } from './serve.js';
export { readConfig } from './config.js';
