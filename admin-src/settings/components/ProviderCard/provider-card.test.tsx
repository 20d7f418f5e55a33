/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import ProviderCard from '.';
import type { SingleProviderForm } from '../../settings-form';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const NOTICE =
	'Changing the address clears the saved key: enter the key for the new address.';

function card( form: Partial< SingleProviderForm > ) {
	return render(
		<ProviderCard
			id="openrouter"
			title="OpenRouter"
			path="providers.openrouter"
			saved={ {
				base_url: 'https://openrouter.ai/api/v1',
				api_key_set: true,
				api_key_hint: '…abcd',
			} }
			form={ {
				base_url: 'https://openrouter.ai/api/v1',
				model: 'openai/gpt-4o-mini',
				key: { value: '', remove: false },
				...form,
			} }
			onChange={ jest.fn() }
			fieldError={ null }
			status={ undefined }
			dirty
			onTested={ jest.fn() }
		/>
	);
}

const notice = () =>
	screen.queryByText( NOTICE, {
		ignore: '.a11y-speak-region, script, style',
	} );

describe( 'ProviderCard', () => {
	it( 'warns before save that a new address clears the saved key', () => {
		card( { base_url: 'https://proxy.example/api/v1' } );
		expect( notice() ).toBeTruthy();
	} );

	it( 'does not warn for the same origin or when a new key is typed', () => {
		const { unmount } = card( { base_url: 'https://openrouter.ai/v1' } );
		expect( notice() ).toBeNull();
		unmount();
		card( {
			base_url: 'https://proxy.example/api/v1',
			key: { value: 'sk-or-new', remove: false },
		} );
		expect( notice() ).toBeNull();
	} );
} );
