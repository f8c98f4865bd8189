// The server from its compiled modules, one file each. `npm start` runs dist/start.js, which
// loads the same code from one bundle (decision 0062); this entry is what it falls back to.
import { runServer } from './run-server.js';

await runServer();
