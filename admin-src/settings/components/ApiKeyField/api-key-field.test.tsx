/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import ApiKeyField from '.';

describe( 'ApiKeyField', () => {
	it( 'shows only the hint of a stored key, and replaces it on request', () => {
		const onChange = jest.fn();
		render(
			<ApiKeyField
				isSet
				hint="…abcd"
				edit={ { value: '', remove: false } }
				onChange={ onChange }
			/>
		);

		expect( screen.getByText( 'Key saved (…abcd)' ) ).toBeTruthy();
		expect( screen.queryByLabelText( 'New API key' ) ).toBeNull();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Replace key' } )
		);
		const input = screen.getByLabelText( 'New API key' );
		expect( input.getAttribute( 'type' ) ).toBe( 'password' );
		fireEvent.change( input, { target: { value: 'sk-new' } } );
		expect( onChange ).toHaveBeenLastCalledWith( {
			value: 'sk-new',
			remove: false,
		} );
	} );

	it( 'asks to remove the key and reports one that cannot be decrypted', () => {
		const onChange = jest.fn();
		render(
			<ApiKeyField
				isSet
				hint=""
				keyError="The stored key cannot be decrypted. Enter the key again."
				edit={ { value: '', remove: false } }
				onChange={ onChange }
			/>
		);

		expect(
			screen.getByText(
				'The stored key cannot be decrypted. Enter the key again.',
				{
					ignore: '.a11y-speak-region, script, style',
				}
			)
		).toBeTruthy();
		fireEvent.click( screen.getByRole( 'button', { name: 'Remove key' } ) );
		expect( onChange ).toHaveBeenCalledWith( { value: '', remove: true } );
	} );
} );
