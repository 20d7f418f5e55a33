/**
 * `POST /v1/chat/completions`: the OpenAI Chat Completions API.
 */

import type { RequestHandler } from 'express';

import { chatCompletion, chatPrompt, chatRequest, OpenAIStream, splitChat } from '../protocol/openai-sse.ts';
import { parseBody } from '../protocol/validation.ts';
import { type GenerationContext, runGeneration } from './generation.ts';
import { unknownModel } from './models.ts';

export function chatCompletionsRoute( ctx: GenerationContext ): RequestHandler {
	return async ( req, res ) => {
		const body = parseBody( chatRequest, req.body );
		if ( ! ctx.driver.resolveModel( body.model ) ) {
			throw unknownModel( ctx.driver, body.model, 'model' );
		}
		const { system, turns } = splitChat( body );
		const input = { model: body.model, system, prompt: chatPrompt( turns ) };
		if ( body.stream ) {
			await runGeneration( ctx, req, res, input, new OpenAIStream( res, body.stream_options?.include_usage === true ) );
			return;
		}
		const outcome = await runGeneration( ctx, req, res, input );
		if ( outcome ) {
			res.json( chatCompletion( outcome, Math.floor( Date.now() / 1000 ) ) );
		}
	};
}
