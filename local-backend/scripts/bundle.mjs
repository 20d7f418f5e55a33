#!/usr/bin/env node
/**
 * One self-contained `dist/server.js` (CommonJS, Node 20): runs with `node server.js` and no
 * node_modules beside it. CommonJS because a lone `.js` file is CommonJS to Node 20.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = fileURLToPath( new URL( '..', import.meta.url ) );
mkdirSync( `${ root }dist`, { recursive: true } );
// In the repo this workspace is "type": "module"; the bundle beside this file is CommonJS, as in the zip.
writeFileSync( `${ root }dist/package.json`, '{ "type": "commonjs" }\n' );

const result = await build( {
	entryPoints: [ `${ root }src/index.ts` ],
	outfile: `${ root }dist/server.js`,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	minify: false,
	legalComments: 'none',
	// Some dependencies read import.meta.url; in CommonJS it is this file's URL.
	define: { 'import.meta.url': '__aw_import_meta_url' },
	banner: { js: '#!/usr/bin/env node\nconst __aw_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
	logLevel: 'warning',
	metafile: true,
} );

const bytes = Object.values( result.metafile.outputs ).reduce( ( sum, o ) => sum + o.bytes, 0 );
process.stdout.write( `local-backend: dist/server.js (${ Math.round( bytes / 1024 ) } KiB)\n` );
