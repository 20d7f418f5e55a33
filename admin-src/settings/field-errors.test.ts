/**
 * Internal dependencies
 */
import { fieldErrorFrom, invalidProps } from './field-errors';

const invalid = ( field: string, detail: string ) => ( {
	code: 'agentic_writer_invalid_param',
	message: `Invalid parameter ${ field }: ${ detail }`,
	data: { status: 400, params: { [ field ]: detail } },
} );

describe( 'fieldErrorFrom', () => {
	it( 'takes the exact path from data.field, whatever the message says', () => {
		const error = invalid( 'providers', 'that address will not do.' );
		expect(
			fieldErrorFrom( {
				...error,
				data: {
					...error.data,
					field: 'providers[anthropic][base_url]',
				},
			} )?.path
		).toBe( 'providers.anthropic.base_url' );
	} );

	it( 'takes the exact path from the message when data.field names only its top level', () => {
		const error = invalid(
			'breaker',
			'breaker[cooldown_seconds] must be between 1 (inclusive) and 3600 (inclusive)'
		);
		expect(
			fieldErrorFrom( {
				...error,
				data: { ...error.data, field: 'breaker' },
			} )?.path
		).toBe( 'breaker.cooldown_seconds' );
	} );

	it( 'maps the field the message names to its form path', () => {
		expect(
			fieldErrorFrom(
				invalid(
					'providers',
					'providers[openrouter][base_url] must be an http:// or https:// URL, got "not a url".'
				)
			)
		).toEqual( {
			path: 'providers.openrouter.base_url',
			message:
				'Invalid parameter providers: providers[openrouter][base_url] must be an http:// or https:// URL, got "not a url".',
		} );
	} );

	it( 'maps list entries and matrix chains', () => {
		expect(
			fieldErrorFrom(
				invalid(
					'providers',
					'providers[openai_compatible][1][base_url] must be an http:// or https:// URL such as http://127.0.0.1:1234/v1.'
				)
			)?.path
		).toBe( 'providers.openai_compatible.1.base_url' );
		expect(
			fieldErrorFrom(
				invalid(
					'routing',
					'routing[matrix][chat][2] names provider "openai_compatible:gone", which is not configured.'
				)
			)?.path
		).toBe( 'routing.matrix.chat' );
	} );

	it( 'falls back to the top-level field', () => {
		expect(
			fieldErrorFrom(
				invalid( 'provider_mode', 'Not one of cloud, local.' )
			)?.path
		).toBe( 'provider_mode' );
	} );

	it( 'ignores errors that are not about a field', () => {
		expect(
			fieldErrorFrom( {
				code: 'agentic_writer_forbidden',
				message: 'No.',
			} )
		).toBeNull();
		expect( fieldErrorFrom( new Error( 'offline' ) ) ).toBeNull();
	} );
} );

describe( 'invalidProps', () => {
	it( 'marks only the named control', () => {
		const error = {
			path: 'providers.anthropic.model',
			message: 'Too long.',
		};
		expect( invalidProps( error, 'providers.anthropic.model' ) ).toEqual( {
			'aria-invalid': true,
			help: 'Too long.',
		} );
		expect( invalidProps( error, 'providers.anthropic.base_url' ) ).toEqual(
			{}
		);
		expect( invalidProps( null, 'providers.anthropic.model' ) ).toEqual(
			{}
		);
	} );
} );
