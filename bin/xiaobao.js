#!/usr/bin/env node
// The one binary: loads TypeScript sources through tsx so there is no separate server build.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
