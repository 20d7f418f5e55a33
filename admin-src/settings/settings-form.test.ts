/**
 * Internal dependencies
 */
import { settingsFixture, typesFixture } from './settings-fixture';
import { formFromSettings } from './settings-form';
import { buildPatch } from './settings-patch';

const types = typesFixture();

function start() {
	const saved = settingsFixture();
	return { saved, form: formFromSettings( saved, types ) };
}

describe( 'formFromSettings', () => {
	it( 'holds every described field, secrets as edits, numbers as text', () => {
		const { form } = start();
		expect( form.providers.openrouter ).toEqual( {
			values: {
				base_url: 'https://openrouter.ai/api/v1',
				model: 'openai/gpt-4o-mini',
				image_model: 'google/gemini-2.5-flash-image',
			},
			secrets: { api_key: { value: '', remove: false } },
		} );
		expect( form.instances.openai_compatible ).toHaveLength( 1 );
		expect( form.providers.echo ).toEqual( { values: {}, secrets: {} } );
		expect( form.providers.acme!.values ).toEqual( { region: 'eu' } );
		expect( form.timeouts ).toEqual( {
			connect_seconds: '2',
			read_seconds: '120',
		} );
	} );

	it( 'fills a field the settings do not hold with its default', () => {
		const saved = settingsFixture();
		saved.providers.acme = {};
		const form = formFromSettings( saved, types );
		expect( form.providers.acme!.values.region ).toBe( 'us' );
		expect( buildPatch( saved, form, types ) ).toEqual( {} );
	} );
} );
