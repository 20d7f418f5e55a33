/**
 * Internal dependencies
 */
import { settingsFixture, typesFixture } from './settings-fixture';
import { formFromSettings, newInstance } from './settings-form';
import { buildPatch, keyWillBeCleared, originOf } from './settings-patch';

const types = typesFixture();
const compatible = types.find( ( t ) => t.type === 'openai_compatible' )!;

function start() {
	const saved = settingsFixture();
	return { saved, form: formFromSettings( saved, types ) };
}

describe( 'buildPatch', () => {
	it( 'sends nothing when nothing changed', () => {
		const { saved, form } = start();
		expect( buildPatch( saved, form, types ) ).toEqual( {} );
	} );

	it( 'sends only the fields that changed', () => {
		const { saved, form } = start();
		form.provider_mode = 'hybrid';
		form.providers.openrouter!.values.base_url =
			'http://127.0.0.1:8099/api/v1';
		form.routing.simple.image = 'local_backend';

		expect( buildPatch( saved, form, types ) ).toEqual( {
			provider_mode: 'hybrid',
			routing: { simple: { image: 'local_backend' } },
			providers: {
				openrouter: { base_url: 'http://127.0.0.1:8099/api/v1' },
			},
		} );
	} );

	it( 'handles a type it has never heard of: text fields and secrets', () => {
		const { saved, form } = start();
		form.providers.acme!.values.region = 'ap';
		form.providers.acme!.secrets.api_key = {
			value: ' acme-1 ',
			remove: false,
		};
		expect( buildPatch( saved, form, types ) ).toEqual( {
			providers: { acme: { region: 'ap', api_key: 'acme-1' } },
		} );
	} );

	it( 'never sends a type with no fields, nor one without a descriptor', () => {
		const saved = settingsFixture();
		saved.providers.gone = { answer: '42' };
		const form = formFromSettings( saved, types );
		expect( form.providers.gone ).toBeUndefined();
		expect( buildPatch( saved, form, types ) ).toEqual( {} );
	} );

	it( 'does not send an empty key, sends a typed one trimmed', () => {
		const { saved, form } = start();
		form.providers.anthropic!.secrets.api_key = {
			value: '   ',
			remove: false,
		};
		expect( buildPatch( saved, form, types ) ).toEqual( {} );

		form.providers.anthropic!.secrets.api_key = {
			value: ' sk-ant-1 ',
			remove: false,
		};
		expect( buildPatch( saved, form, types ) ).toEqual( {
			providers: { anthropic: { api_key: 'sk-ant-1' } },
		} );
	} );

	it( 'sends null to remove a key', () => {
		const { saved, form } = start();
		form.providers.openrouter!.secrets.api_key = {
			value: '',
			remove: true,
		};
		expect( buildPatch( saved, form, types ) ).toEqual( {
			providers: { openrouter: { api_key: null } },
		} );
	} );

	it( 'sends the whole instance list when one changed, keys only when edited', () => {
		const { saved, form } = start();
		const list = form.instances.openai_compatible!;
		const added = newInstance( compatible, list );
		expect( added.values ).toEqual( {
			id: 'endpoint-2',
			label: '',
			base_url: 'http://127.0.0.1:1234/v1',
			model: '',
		} );
		added.values = {
			id: ' ollama ',
			label: 'Ollama',
			base_url: 'http://127.0.0.1:11434/v1',
			model: 'llama3',
		};
		added.secrets.api_key = { value: 'k-1', remove: false };
		list.push( added );

		expect( buildPatch( saved, form, types ) ).toEqual( {
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

	it( 'sends the list when only a key of an instance was edited', () => {
		const { saved, form } = start();
		form.instances.openai_compatible![ 0 ]!.secrets.api_key = {
			value: '',
			remove: true,
		};
		expect( buildPatch( saved, form, types ) ).toEqual( {
			providers: {
				openai_compatible: [
					{
						id: 'lmstudio',
						label: 'LM Studio',
						base_url: 'http://127.0.0.1:1234/v1',
						model: 'qwen',
						api_key: null,
					},
				],
			},
		} );
	} );

	it( 'sends an emptied list when the last instance is removed', () => {
		const { saved, form } = start();
		form.instances.openai_compatible = [];
		expect( buildPatch( saved, form, types ) ).toEqual( {
			providers: { openai_compatible: [] },
		} );
	} );

	it( 'sends changed matrix chains only, blanks dropped, a cleared one as []', () => {
		const saved = settingsFixture();
		saved.routing.matrix = {
			chat: [ 'openrouter' ],
			image: [ 'openrouter' ],
		};
		const form = formFromSettings( saved, types );
		form.routing.mode = 'advanced';
		form.routing.matrix.chat = [ 'local_backend', '', 'openrouter' ];
		form.routing.matrix.image = [];

		expect( buildPatch( saved, form, types ) ).toEqual( {
			routing: {
				mode: 'advanced',
				matrix: {
					chat: [ 'local_backend', 'openrouter' ],
					image: [],
				},
			},
		} );
	} );

	it( 'sends timeouts and breaker numbers that changed, as numbers', () => {
		const { saved, form } = start();
		form.timeouts.connect_seconds = '2.0';
		form.timeouts.read_seconds = '300';
		form.breaker.cooldown_seconds = '60';
		expect( buildPatch( saved, form, types ) ).toEqual( {
			timeouts: { read_seconds: 300 },
			breaker: { cooldown_seconds: 60 },
		} );
	} );

	it( 'sends a number field that is not a number as typed, for the server to name', () => {
		const { saved, form } = start();
		form.breaker.failure_threshold = '';
		expect( buildPatch( saved, form, types ) ).toEqual( {
			breaker: { failure_threshold: '' },
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
