/**
 * Image: into the media library, then into the post or as its featured image.
 */
/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { createBlock } from '@wordpress/blocks';
import { dispatch as dataDispatch } from '@wordpress/data';
import { escapeHTML } from '@wordpress/escape-html';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { generateImage } from '../../api/editor-api';
import {
	blockEditorDispatch,
	blockEditorSelect,
	insertionTarget,
} from '../../editor/block-editor';
import type { ImageAnswer } from '../types';
import { type Thunk, fail, postIdParam } from './thunk';

export const makeImage =
	( prompt: string, aspectRatio: string, featured: boolean ) =>
	async ( { dispatch }: Thunk ): Promise< void > => {
		if ( prompt.trim() === '' ) {
			dispatch(
				fail(
					'image',
					__(
						'Describe the image in Image prompt first.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		dispatch( { type: 'RUN_START', task: 'image' } );
		dispatch( { type: 'SET_IMAGE', image: null } );
		speak( __( 'Generating the image…', 'agentic-writer' ) );
		try {
			const body = await generateImage( {
				prompt: prompt.trim(),
				aspect_ratio: aspectRatio,
				featured,
				...postIdParam(),
			} );
			const info = {
				requestId: body.request_id,
				provider: body.provider,
				model: body.model,
				usage: body.usage,
				fallbacks: body.fallbacks,
			};
			const caption =
				body.caption ?? __( 'AI-generated image', 'agentic-writer' );
			if ( featured ) {
				(
					dataDispatch( 'core/editor' ) as unknown as {
						editPost: ( e: Record< string, unknown > ) => void;
					}
				 ).editPost( {
					featured_media: body.attachment_id,
				} );
			} else {
				const target = insertionTarget( blockEditorSelect() );
				const block = createBlock( 'core/image', {
					id: body.attachment_id,
					url: body.url,
					alt: body.alt,
					caption: escapeHTML( caption ),
					sizeSlug: 'full',
				} );
				if ( target.replaceClientId ) {
					blockEditorDispatch().replaceBlocks(
						target.replaceClientId,
						[ block ]
					);
				} else {
					blockEditorDispatch().insertBlocks(
						[ block ],
						target.index,
						target.rootClientId,
						false
					);
				}
			}
			const image: ImageAnswer = {
				attachmentId: body.attachment_id,
				url: body.url,
				alt: body.alt,
				featured,
				info,
			};
			dispatch( { type: 'SET_IMAGE', image } );
			dispatch( { type: 'RUN_INFO', task: 'image', info } );
			dispatch( { type: 'ADD_USAGE', usage: body.usage } );
			if ( body.fallbacks.length ) {
				dispatch.refreshTaskRoutes();
			}
			dispatch( {
				type: 'RUN_DONE',
				task: 'image',
				structured: null,
				structuredError: null,
			} );
			speak(
				featured
					? __(
							'The image is now the featured image.',
							'agentic-writer'
						)
					: __( 'The image was added to the post.', 'agentic-writer' )
			);
		} catch ( error ) {
			const e = error as { message?: string; code?: string };
			const message =
				e.message ||
				__( 'The image could not be generated.', 'agentic-writer' );
			dispatch( {
				type: 'RUN_ERROR',
				task: 'image',
				error: {
					code: e.code ?? 'fetch_error',
					message,
					retryable: true,
				},
			} );
			speak( message, 'assertive' );
			dispatch.refreshTaskRoutes();
		}
	};
