/**
 * Internal dependencies
 */
import { parseStreamEvent } from './events';

describe( 'parseStreamEvent', () => {
	it.each( [
		[ 'start', { request_id: 'r1', provider: 'openrouter', model: 'm/x' } ],
		[ 'delta', { text: 'Hello **world**\n' } ],
		[
			'fallback',
			{
				from: 'local_backend',
				to: 'openrouter',
				reason: 'connection_failed',
			},
		],
		[ 'fallback', { from: 'openrouter', reason: 'timeout' } ],
		[
			'usage',
			{
				tokens_prompt: 120,
				tokens_completion: 340,
				cost_usd: 0.0012,
				cost_kind: 'metered',
			},
		],
		[
			'usage',
			{
				tokens_prompt: 1,
				tokens_completion: 2,
				cost_usd: null,
				cost_kind: 'subscription',
			},
		],
		[
			'error',
			{
				code: 'upstream',
				message: 'Every provider failed.',
				retryable: true,
			},
		],
		[ 'error', { code: 'bad', message: 'No.' } ],
		[ 'done', { request_id: 'r1', ok: true } ],
		[
			'done',
			{
				request_id: 'r1',
				ok: true,
				provider: 'openrouter',
				model: 'm/x',
				fallbacks: [
					{
						from: 'local_backend',
						to: 'openrouter',
						reason: 'connection_failed',
					},
				],
				structured: { questions: [ { question: 'Who?' } ] },
				structured_error: null,
			},
		],
	] )( 'accepts a %s event and tags it with its type', ( name, data ) => {
		expect( parseStreamEvent( name, JSON.stringify( data ) ) ).toEqual( {
			type: name,
			...data,
		} );
	} );

	it( 'drops fields an event does not define, but never its type', () => {
		expect(
			parseStreamEvent(
				'delta',
				JSON.stringify( { text: 'x', type: 'done', extra: 1 } )
			)
		).toEqual( { type: 'delta', text: 'x' } );
	} );

	it.each( [ 'message', 'ping', 'progress', 'constructor', 'toString' ] )(
		'returns null for the unknown event type "%s"',
		( name ) => {
			expect( parseStreamEvent( name, '{}' ) ).toBeNull();
			// Unknown events are skipped before their data is read.
			expect( parseStreamEvent( name, 'not json' ) ).toBeNull();
		}
	);

	it.each( [
		[ 'start', { request_id: 'r1', provider: 'p' }, /"start".*model/ ],
		[ 'delta', { text: 5 }, /"delta".*text/ ],
		[ 'fallback', { from: 'local_backend' }, /"fallback".*reason/ ],
		[
			'usage',
			{
				tokens_prompt: 1,
				tokens_completion: 2,
				cost_usd: 0,
				cost_kind: 'free',
			},
			/"usage".*cost_kind/,
		],
		[
			'usage',
			{
				tokens_prompt: '1',
				tokens_completion: 2,
				cost_usd: 0,
				cost_kind: 'local',
			},
			/"usage".*tokens_prompt/,
		],
		[
			'error',
			{ code: 'x', message: 'm', retryable: 'yes' },
			/"error".*retryable/,
		],
		[ 'done', { request_id: 'r1' }, /"done".*ok/ ],
		[
			'done',
			{ request_id: 'r1', ok: true, fallbacks: [ { from: 'a' } ] },
			/"done".*fallbacks\.0\.reason/,
		],
	] )(
		'rejects a %s event of the wrong shape, naming the field',
		( name, data, message ) => {
			expect( () =>
				parseStreamEvent( name, JSON.stringify( data ) )
			).toThrow( message );
		}
	);

	it( 'rejects data that is not an object', () => {
		expect( () => parseStreamEvent( 'delta', '"text"' ) ).toThrow(
			/unexpected "delta" event/
		);
		expect( () => parseStreamEvent( 'done', 'null' ) ).toThrow(
			/unexpected "done" event/
		);
	} );

	it.each( [ '{"text":', 'hello', '' ] )(
		'rejects data that is not JSON (%j)',
		( data ) => {
			expect( () => parseStreamEvent( 'delta', data ) ).toThrow(
				'The site sent a broken "delta" event (not JSON).'
			);
		}
	);
} );
