/**
 * How each engine's requests look at the mock upstream, for the driver contract's lockdown and
 * isolation checks: which recorded requests are generations, which tools they offer, and the
 * text of their last user turn.
 */

import type { UpstreamView } from '../src/drivers/driver-contract.ts';
import type { MockUpstream } from './helpers.ts';

type Json = Record<string, unknown>;

const texts = ( content: unknown ): string[] =>
	typeof content === 'string' ? [ content ] : Array.isArray( content ) ? content.map( ( p: Json ) => String( p.text ?? '' ) ) : [];

function view( mock: () => MockUpstream, isGeneration: ( path: string ) => boolean, tools: ( body: Json ) => string[], lastUserText: ( body: Json ) => string, allowedTools: string[] ): UpstreamView {
	return {
		reset: () => mock().reset(),
		generations: () => mock().requests.filter( ( r ) => r.method === 'POST' && isGeneration( r.path ) ).map( ( r ) => ( { body: r.body, headers: r.headers } ) ),
		tools: ( body ) => tools( body as Json ),
		lastUserText: ( body ) => lastUserText( body as Json ),
		allowedTools,
	};
}

/** The Responses API as codex calls it: the prompt is the last user message's last text part. */
export function responsesView( mock: () => MockUpstream, allowedTools: string[] ): UpstreamView {
	return view(
		mock,
		( path ) => path.startsWith( '/v1/responses' ),
		( body ) => ( ( body.tools ?? [] ) as Json[] ).map( ( t ) => String( t.name ?? t.type ) ),
		( body ) => {
			const users = ( ( body.input ?? [] ) as Json[] ).filter( ( i ) => i.role === 'user' );
			return texts( users[ users.length - 1 ]?.content ).pop() ?? '';
		},
		allowedTools
	);
}

/** The Gemini API as gemini-cli calls it: its session context comes first in the user turn, the prompt last. */
export function geminiView( mock: () => MockUpstream ): UpstreamView {
	return view(
		mock,
		( path ) => /:(stream)?generateContent/i.test( path ),
		( body ) => ( ( body.tools ?? [] ) as Json[] ).flatMap( ( t ) => ( ( t.functionDeclarations ?? [] ) as Json[] ).map( ( f ) => String( f.name ) ) ),
		( body ) => {
			const users = ( ( body.contents ?? [] ) as Json[] ).filter( ( c ) => c.role === 'user' );
			return texts( users[ users.length - 1 ]?.parts ).pop() ?? '';
		},
		[]
	);
}

/** The Messages API as the claude CLI calls it: its system reminder first, the prompt last. */
export function anthropicView( mock: () => MockUpstream ): UpstreamView {
	return view(
		mock,
		( path ) => path.startsWith( '/v1/messages?' ) || path === '/v1/messages',
		( body ) => ( ( body.tools ?? [] ) as Json[] ).map( ( t ) => String( t.name ) ),
		( body ) => {
			const messages = ( body.messages ?? [] ) as Json[];
			return texts( messages[ messages.length - 1 ]?.content ).pop() ?? '';
		},
		[]
	);
}
