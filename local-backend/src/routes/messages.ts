/**
 * `POST /v1/messages`: the Anthropic Messages API.
 */

import type { RequestHandler } from 'express';

import { ApiError } from '../middleware/errors.ts';
import { AnthropicStream, messageObject, messagesRequest, promptOf, systemOf } from '../protocol/anthropic-sse.ts';
import { parseBody } from '../protocol/validation.ts';
import { type GenerationContext, runGeneration } from './generation.ts';
import { unknownModel } from './models.ts';

export function messagesRoute( ctx: GenerationContext ): RequestHandler {
	return async ( req, res ) => {
		const body = parseBody( messagesRequest, req.body );
		if ( ! ctx.driver.resolveModel( body.model ) ) {
			throw unknownModel( ctx.driver, body.model );
		}
		const input = { model: body.model, system: systemOf( body ), prompt: promptOf( body ) };
		if ( input.prompt.trim() === '' ) {
			throw new ApiError( 'invalid_request', 'messages: the conversation has no text', undefined, 'messages' );
		}
		if ( body.stream ) {
			await runGeneration( ctx, req, res, input, new AnthropicStream( res ) );
			return;
		}
		const outcome = await runGeneration( ctx, req, res, input );
		if ( outcome ) {
			res.json( messageObject( outcome ) );
		}
	};
}
