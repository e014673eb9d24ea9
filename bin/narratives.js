#!/usr/bin/env node
// The installed `narratives` command: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
const { runAsProgram } = await import('../pipeline/cli.ts');
await runAsProgram();
