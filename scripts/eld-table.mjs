#!/usr/bin/env node
// Build step (npm run build): writes eld's n-gram table as JSON beside dist/text/eld-table.js, which
// reads it faster than eld's own JavaScript module (see src/text/eld-table.ts).
import { ELD_TABLE_FILE, writeEldTable } from '../dist/text/eld-table.js';

await writeEldTable();
console.log(`eld table written: ${ELD_TABLE_FILE.pathname}`);
