/**
 * `tsx tests/mocks/upstream/cli.ts [--port 8090] [--host 127.0.0.1] [--api-key K]
 *  [--chunks N] [--chunk-delay MS]`
 */

import { parseArgs } from 'node:util';

import { startMockUpstream } from './index.ts';

const { values } = parseArgs( {
	options: {
		port: { type: 'string', default: '8090' },
		host: { type: 'string', default: '127.0.0.1' },
		'api-key': { type: 'string' },
		chunks: { type: 'string' },
		'chunk-delay': { type: 'string' },
	},
} );

function integer( name: string, value: string | undefined ): number | undefined {
	if ( value === undefined ) {
		return undefined;
	}
	const n = Number( value );
	if ( ! Number.isInteger( n ) || n < 0 ) {
		process.stderr.write( `--${ name } must be a non-negative integer, got "${ value }"\n` );
		process.exit( 2 );
	}
	return n;
}

const mock = await startMockUpstream( {
	port: integer( 'port', values.port ),
	host: values.host,
	apiKey: values[ 'api-key' ],
	defaultChunks: integer( 'chunks', values.chunks ),
	defaultChunkDelayMs: integer( 'chunk-delay', values[ 'chunk-delay' ] ),
} );
process.stdout.write( `mock upstream listening on ${ mock.url }\n` );

for ( const signal of [ 'SIGTERM', 'SIGINT' ] as const ) {
	process.once( signal, () => {
		mock.close().then(
			() => process.exit( 0 ),
			() => process.exit( 1 )
		);
	} );
}
