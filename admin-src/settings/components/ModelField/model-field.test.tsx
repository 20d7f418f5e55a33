/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import ModelField from '.';
import { forgetModelLists } from '../../model-lists';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

function field( providerId: string | null = 'openrouter' ) {
	const onChange = jest.fn();
	render(
		<>
			<ModelField
				label="Model"
				value="openai/gpt-4o-mini"
				onChange={ onChange }
				providerId={ providerId }
				unlistedNote="Save first to choose from this provider’s models."
			/>
			<ModelField
				label="Image model"
				value=""
				onChange={ jest.fn() }
				providerId={ providerId }
			/>
		</>
	);
	return {
		input: screen.getByLabelText( 'Model' ),
		onChange,
	};
}

const options = ( input: HTMLElement ) =>
	Array.from(
		document
			.getElementById( input.getAttribute( 'list' )! )!
			.querySelectorAll( 'option' )
	).map( ( o ) => o.getAttribute( 'value' ) );

describe( 'ModelField', () => {
	beforeEach( () => forgetModelLists() );

	it( 'offers the provider’s models once the field gets focus, and takes any text', async () => {
		mockedApiFetch.mockResolvedValue( {
			provider: 'openrouter',
			models: [
				{ id: 'openai/gpt-4o-mini', name: 'GPT-4o mini' },
				{ id: 'anthropic/claude-sonnet-4', name: 'Claude Sonnet 4' },
			],
			cached: true,
		} );
		const { input, onChange } = field();
		expect( mockedApiFetch ).not.toHaveBeenCalled();
		expect( options( input ) ).toEqual( [] );
		expect( screen.getByRole( 'combobox', { name: 'Model' } ) ).toBe(
			input
		);

		fireEvent.focus( input );
		await screen.findByText( /2 models offered: type to search/ );
		expect( options( input ) ).toEqual( [
			'openai/gpt-4o-mini',
			'anthropic/claude-sonnet-4',
		] );
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/agentic-writer/v1/providers/openrouter/models',
		} );

		// The image model field of the same provider shares the answer.
		fireEvent.focus(
			screen.getByRole( 'combobox', { name: 'Image model' } )
		);
		await waitFor( () =>
			expect( screen.getAllByText( /2 models offered/ ) ).toHaveLength(
				2
			)
		);
		expect( mockedApiFetch ).toHaveBeenCalledTimes( 1 );

		fireEvent.change( input, { target: { value: 'my/own-model' } } );
		expect( onChange ).toHaveBeenCalledWith( 'my/own-model' );

		// The server keeps lists a while: the owner can ask the provider again.
		fireEvent.click(
			screen.getByRole( 'button', {
				name: 'Ask the provider again for the model list',
			} )
		);
		await waitFor( () =>
			expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
				path: '/agentic-writer/v1/providers/openrouter/models?refresh=1',
			} )
		);
		await screen.findAllByText( /2 models offered/ );
	} );

	it( 'stays plain text with a note when the list cannot be read', async () => {
		mockedApiFetch.mockRejectedValue( {
			code: 'agentic_writer_models_unavailable',
			message:
				'Could not list the models of OpenRouter (401). Type the model name instead, or test the connection to see what is wrong.',
			data: { status: 502 },
		} );
		const { input, onChange } = field();
		fireEvent.focus( input );

		await screen.findByText(
			'No model list: Could not list the models of OpenRouter (401). Type the model name instead, or test the connection to see what is wrong.'
		);
		expect( options( input ) ).toEqual( [] );
		fireEvent.change( input, { target: { value: 'openai/gpt-4o' } } );
		expect( onChange ).toHaveBeenCalledWith( 'openai/gpt-4o' );
	} );

	it( 'asks nothing for a provider that is not saved yet, and says why', () => {
		const { input } = field( null );
		fireEvent.focus( input );
		expect( mockedApiFetch ).not.toHaveBeenCalled();
		expect(
			screen.getByText(
				'Save first to choose from this provider’s models.'
			)
		).toBeTruthy();
		// No list: a plain text box.
		expect( screen.getByRole( 'textbox', { name: 'Model' } ) ).toBe(
			input
		);
	} );
} );
