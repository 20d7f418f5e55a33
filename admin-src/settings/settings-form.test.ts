/**
 * Internal dependencies
 */
import { settingsFixture } from './settings-fixture';
import {
	buildPatch,
	formFromSettings,
	keyWillBeCleared,
	originOf,
} from './settings-form';

describe( 'buildPatch', () => {
	it( 'sends nothing when nothing changed', () => {
		const saved = settingsFixture();
		expect( buildPatch( saved, formFromSettings( saved ) ) ).toEqual( {} );
	} );

	it( 'sends only the fields that changed', () => {
		const saved = settingsFixture();
		const form = formFromSettings( saved );
		form.provider_mode = 'hybrid';
		form.providers.openrouter.base_url = 'http://127.0.0.1:8099/api/v1';
		form.routing.simple.image = 'local_backend';

		expect( buildPatch( saved, form ) ).toEqual( {
			provider_mode: 'hybrid',
			routing: { simple: { image: 'local_backend' } },
			providers: {
				openrouter: { base_url: 'http://127.0.0.1:8099/api/v1' },
			},
		} );
	} );

	it( 'does not send an empty key, sends a typed one trimmed', () => {
		const saved = settingsFixture();
		const form = formFromSettings( saved );
		form.providers.anthropic.key = { value: '   ', remove: false };
		expect( buildPatch( saved, form ) ).toEqual( {} );

		form.providers.anthropic.key = { value: ' sk-ant-1 ', remove: false };
		expect( buildPatch( saved, form ) ).toEqual( {
			providers: { anthropic: { api_key: 'sk-ant-1' } },
		} );
	} );

	it( 'sends null to remove a key', () => {
		const saved = settingsFixture();
		const form = formFromSettings( saved );
		form.providers.openrouter.key = { value: '', remove: true };
		expect( buildPatch( saved, form ) ).toEqual( {
			providers: { openrouter: { api_key: null } },
		} );
	} );

	it( 'sends the whole endpoint list when one changed, keys only when edited', () => {
		const saved = settingsFixture();
		const form = formFromSettings( saved );
		form.openai_compatible.push( {
			id: 'ollama',
			label: 'Ollama',
			base_url: 'http://127.0.0.1:11434/v1',
			model: 'llama3',
			key: { value: 'k-1', remove: false },
		} );

		expect( buildPatch( saved, form ) ).toEqual( {
			providers: {
				openai_compatible: [
					{
						id: 'lmstudio',
						label: 'LM Studio',
						base_url: 'http://127.0.0.1:1234/v1',
						model: 'qwen',
					},
					{
						id: 'ollama',
						label: 'Ollama',
						base_url: 'http://127.0.0.1:11434/v1',
						model: 'llama3',
						api_key: 'k-1',
					},
				],
			},
		} );
	} );

	it( 'sends an emptied list when the last endpoint is removed', () => {
		const saved = settingsFixture();
		const form = formFromSettings( saved );
		form.openai_compatible = [];
		expect( buildPatch( saved, form ) ).toEqual( {
			providers: { openai_compatible: [] },
		} );
	} );

	it( 'sends changed matrix chains only, blanks dropped, a cleared one as []', () => {
		const saved = settingsFixture();
		saved.routing.matrix = {
			chat: [ 'openrouter' ],
			image: [ 'openrouter' ],
		};
		const form = formFromSettings( saved );
		form.routing.mode = 'advanced';
		form.routing.matrix.chat = [ 'local_backend', '', 'openrouter' ];
		form.routing.matrix.image = [];

		expect( buildPatch( saved, form ) ).toEqual( {
			routing: {
				mode: 'advanced',
				matrix: {
					chat: [ 'local_backend', 'openrouter' ],
					image: [],
				},
			},
		} );
	} );
} );

describe( 'keyWillBeCleared', () => {
	const saved = {
		base_url: 'https://openrouter.ai/api/v1',
		api_key_set: true,
	};
	const form = ( baseUrl: string, value = '' ) => ( {
		base_url: baseUrl,
		key: { value, remove: false },
	} );

	it( 'says so when the address moves to another origin without a new key', () => {
		expect(
			keyWillBeCleared( saved, form( 'https://proxy.example/api/v1' ) )
		).toBe( true );
		expect(
			keyWillBeCleared( saved, form( 'http://openrouter.ai/api/v1' ) )
		).toBe( true );
		expect(
			keyWillBeCleared(
				saved,
				form( 'https://openrouter.ai:8443/api/v1' )
			)
		).toBe( true );
	} );

	it( 'stays quiet for a new path, a default port, a typed key or no stored key', () => {
		expect(
			keyWillBeCleared( saved, form( 'https://openrouter.ai/v2' ) )
		).toBe( false );
		expect(
			keyWillBeCleared(
				saved,
				form( 'https://OpenRouter.ai:443/api/v1' )
			)
		).toBe( false );
		expect(
			keyWillBeCleared( saved, form( 'https://proxy.example', 'sk-new' ) )
		).toBe( false );
		expect(
			keyWillBeCleared(
				{ ...saved, api_key_set: false },
				form( 'https://proxy.example' )
			)
		).toBe( false );
	} );

	it( 'compares origins as the server does', () => {
		expect( originOf( 'http://127.0.0.1:8080/v1' ) ).toBe(
			'http://127.0.0.1:8080'
		);
		expect( originOf( 'https://api.anthropic.com' ) ).toBe(
			'https://api.anthropic.com:443'
		);
		expect( originOf( 'not a url' ) ).toBe( '' );
	} );
} );
