export { readConfig, type Config } from './config.js';
export { serve, type RunningServer } from './serve.js';
