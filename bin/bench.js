#!/usr/bin/env node
// `npm run bench -- NAME`: progress on stderr, one JSON object as the last line of stdout.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
