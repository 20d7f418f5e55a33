/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import RoutingSection from '.';
import type { ProvidersOverview } from '../../../shared/provider-settings';
import { settingsFixture, typesFixture } from '../../settings-fixture';
import { formFromSettings } from '../../settings-form';

const provider = ( id: string, configured: boolean ) => ( {
	id,
	label: id,
	kind: 'cloud' as const,
	configured,
	health: null,
	breaker: { state: 'closed' as const, failures: 0, retry_at: null },
} );

const overview: ProvidersOverview = {
	providers: [
		provider( 'openrouter', true ),
		provider( 'local_backend', true ),
		provider( 'anthropic', false ),
	],
	types: [],
	routing: {
		chat: { chain: [ 'openrouter' ], error: null },
		image: { chain: [], error: 'No provider for image is configured.' },
	},
};

describe( 'RoutingSection', () => {
	it( 'offers configured providers and shows what each task uses', () => {
		const routing = formFromSettings(
			settingsFixture(),
			typesFixture()
		).routing;
		render(
			<RoutingSection
				routing={ routing }
				overview={ overview }
				fieldError={ null }
				onChange={ jest.fn() }
			/>
		);

		const text = screen.getByRole( 'combobox', { name: 'Text provider' } );
		const values = Array.from( ( text as HTMLSelectElement ).options ).map(
			( o ) => o.value
		);
		expect( values ).toEqual( [ '', 'openrouter', 'local_backend' ] );
		expect( screen.getByText( 'chat: openrouter' ) ).toBeTruthy();
		expect(
			screen.getByText( 'image: No provider for image is configured.' )
		).toBeTruthy();
	} );

	it( 'adds a provider to a task chain in advanced mode', () => {
		const routing = formFromSettings(
			settingsFixture(),
			typesFixture()
		).routing;
		routing.mode = 'advanced';
		routing.matrix.writing = [ 'local_backend' ];
		const onChange = jest.fn();
		render(
			<RoutingSection
				routing={ routing }
				overview={ overview }
				fieldError={ {
					path: 'routing.matrix.writing',
					message: 'Unknown.',
				} }
				onChange={ onChange }
			/>
		);

		const first = screen.getByRole( 'combobox', {
			name: 'writing provider 1',
		} );
		expect( first.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add a provider to writing' } )
		);
		expect( onChange.mock.calls[ 0 ][ 0 ].matrix.writing ).toEqual( [
			'local_backend',
			'',
		] );
	} );
} );
