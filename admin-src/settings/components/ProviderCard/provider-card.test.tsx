/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import ProviderCard from '.';
import type { ProviderDescriptor } from '../../../shared/provider-settings';
import { settingsFixture, typesFixture } from '../../settings-fixture';
import {
	formFromSettings,
	storedSingle,
	type ProviderForm,
} from '../../settings-form';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const NOTICE =
	'Changing the address clears the saved key: enter the key for the new address.';

const types = typesFixture();
const typeOf = ( type: string ) =>
	types.find( ( t ) => t.type === type ) as ProviderDescriptor;

function card( type: string, edit: ( form: ProviderForm ) => void = () => {} ) {
	const saved = settingsFixture();
	const form = formFromSettings( saved, types ).providers[ type ]!;
	edit( form );
	const onChange = jest.fn();
	const view = render(
		<ProviderCard
			descriptor={ typeOf( type ) }
			providerId={ type }
			title={ typeOf( type ).label }
			path={ `providers.${ type }` }
			stored={ storedSingle( saved, type ) }
			form={ form }
			onChange={ onChange }
			fieldError={ null }
			status={ undefined }
			dirty
			onTested={ jest.fn() }
		/>
	);
	return { ...view, onChange };
}

const notice = () =>
	screen.queryByText( NOTICE, {
		ignore: '.a11y-speak-region, script, style',
	} );

describe( 'ProviderCard', () => {
	it( 'renders the fields its descriptor lists, by type', () => {
		card( 'openrouter' );
		expect( screen.getByText( 'Key saved (…abcd)' ) ).toBeTruthy();
		expect(
			(
				screen.getByRole( 'textbox', {
					name: 'Base URL',
				} ) as HTMLInputElement
			 ).value
		).toBe( 'https://openrouter.ai/api/v1' );
		// A model field offers the provider's list: a combobox named as the field.
		expect(
			screen.getByRole( 'combobox', { name: 'Model' } )
		).toBeTruthy();
		expect(
			screen.getByRole( 'combobox', { name: 'Image model' } )
		).toBeTruthy();
	} );

	it( 'renders a third-party type: a text field with its help and a key', () => {
		const { onChange } = card( 'acme' );
		const region = screen.getByRole( 'textbox', { name: 'Region' } );
		expect( region.getAttribute( 'aria-describedby' ) ).toBeTruthy();
		expect( screen.getByText( 'Where your account lives.' ) ).toBeTruthy();
		expect( screen.getByLabelText( 'API key' ) ).toBeTruthy();
		fireEvent.change( region, { target: { value: 'ap' } } );
		expect( onChange.mock.calls[ 0 ][ 0 ].values ).toEqual( {
			region: 'ap',
		} );
	} );

	it( 'says a type with no fields needs nothing, and still tests it', () => {
		card( 'echo' );
		expect(
			screen.getByText(
				'Nothing to set up: this provider needs no settings.'
			)
		).toBeTruthy();
		expect(
			screen.getByRole( 'button', { name: 'Test connection' } )
		).toBeTruthy();
	} );

	it( 'warns before save that a new address clears the saved key', () => {
		card( 'openrouter', ( form ) => {
			form.values.base_url = 'https://proxy.example/api/v1';
		} );
		expect( notice() ).toBeTruthy();
	} );

	it( 'does not warn for the same origin or when a new key is typed', () => {
		const { unmount } = card( 'openrouter', ( form ) => {
			form.values.base_url = 'https://openrouter.ai/v1';
		} );
		expect( notice() ).toBeNull();
		unmount();
		card( 'openrouter', ( form ) => {
			form.values.base_url = 'https://proxy.example/api/v1';
			form.secrets.api_key = { value: 'sk-or-new', remove: false };
		} );
		expect( notice() ).toBeNull();
	} );
} );
