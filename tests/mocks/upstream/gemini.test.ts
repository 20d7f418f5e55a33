import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { type MockUpstream, startMockUpstream } from './index.ts';

describe( 'Gemini API (what gemini-cli calls with GOOGLE_GEMINI_BASE_URL)', () => {
	let mock: MockUpstream;
	const body = { systemInstruction: { parts: [ { text: 'Be kind.' } ] }, contents: [ { role: 'user', parts: [ { text: 'Write about spring' } ] } ] };
	const promptTokens = Math.ceil( ( 'Be kind.'.length + 'Write about spring'.length ) / 4 );
	const post = ( path: string, key = 'gk-test' ) =>
		fetch( `${ mock.url }${ path }`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-goog-api-key': key }, body: JSON.stringify( body ) } );

	before( async () => {
		mock = await startMockUpstream();
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	it( 'generateContent: one candidate, STOP, usage metadata', async () => {
		const res = await post( '/v1beta/models/gemini-2.5-flash:generateContent' );
		assert.equal( res.status, 200 );
		const json = ( await res.json() ) as { candidates: { content: { parts: { text: string }[] }; finishReason: string }[]; usageMetadata: { promptTokenCount: number } };
		assert.match( json.candidates[ 0 ]!.content.parts[ 0 ]!.text, /^Mock reply from gemini-2\.5-flash\. You wrote: “Write about spring”/ );
		assert.equal( json.candidates[ 0 ]!.finishReason, 'STOP' );
		assert.equal( json.usageMetadata.promptTokenCount, promptTokens );
		assert.equal( mock.requests[ 0 ]?.headers[ 'x-goog-api-key' ], '…test' );
	} );

	it( 'streamGenerateContent?alt=sse: chunks adding up to the text, the last with STOP and usage', async () => {
		const res = await post( '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse' );
		const chunks = ( await res.text() ).split( '\n' ).filter( ( l ) => l.startsWith( 'data: ' ) ).map( ( l ) => JSON.parse( l.slice( 6 ) ) );
		assert.equal( chunks.length, 5 );
		const text = chunks.map( ( c ) => c.candidates[ 0 ].content.parts[ 0 ].text ).join( '' );
		assert.match( text, /^Mock reply from gemini-2\.5-flash/ );
		assert.equal( chunks[ 4 ].candidates[ 0 ].finishReason, 'STOP' );
		assert.equal( chunks[ 4 ].usageMetadata.candidatesTokenCount, Math.ceil( text.length / 4 ) );
	} );

	it( 'errors in Google’s shape; a missing key is a 401', async () => {
		mock.script( 'status=429' );
		const limited = await post( '/v1beta/models/gemini-2.5-flash:generateContent' );
		assert.equal( limited.status, 429 );
		assert.deepEqual( ( ( await limited.json() ) as { error: { status: string } } ).error.status, 'RESOURCE_EXHAUSTED' );
		const anonymous = await fetch( `${ mock.url }/v1beta/models/gemini-2.5-flash:generateContent`, { method: 'POST', body: JSON.stringify( body ) } );
		assert.equal( anonymous.status, 401 );
	} );
} );
