/**
 * Internal dependencies
 */
import {
	SINGLE_PROVIDERS,
	TASKS,
	type InstanceSettings,
	type ProviderMode,
	type Settings,
	type SingleProviderId,
	type SingleProviderSettings,
	type Task,
} from '../shared/provider-settings';

/** A new key the owner typed ('' = keep the stored one), or a request to remove it. */
export type KeyEdit = { value: string; remove: boolean };

export type SingleProviderForm = {
	base_url: string;
	model: string;
	image_model?: string;
	key: KeyEdit;
};

export type InstanceForm = {
	id: string;
	label: string;
	base_url: string;
	model: string;
	key: KeyEdit;
};

/** What the page edits: the settings with keys replaced by edits. */
export type SettingsForm = {
	provider_mode: ProviderMode;
	routing: {
		mode: 'simple' | 'advanced';
		simple: { text: string; image: string };
		matrix: Record< Task, string[] >;
	};
	providers: Record< SingleProviderId, SingleProviderForm >;
	openai_compatible: InstanceForm[];
};

const noKeyEdit = (): KeyEdit => ( { value: '', remove: false } );

function singleForm( p: SingleProviderSettings ): SingleProviderForm {
	const form: SingleProviderForm = {
		base_url: p.base_url,
		model: p.model,
		key: noKeyEdit(),
	};
	if ( p.image_model !== undefined ) {
		form.image_model = p.image_model;
	}
	return form;
}

/**
 * The form as the server's settings fill it.
 *
 * @param settings Settings from GET/POST settings.
 */
export function formFromSettings( settings: Settings ): SettingsForm {
	const matrix = {} as Record< Task, string[] >;
	for ( const task of TASKS ) {
		matrix[ task ] = [ ...( settings.routing.matrix[ task ] ?? [] ) ];
	}
	const providers = {} as Record< SingleProviderId, SingleProviderForm >;
	for ( const id of SINGLE_PROVIDERS ) {
		providers[ id ] = singleForm( settings.providers[ id ] );
	}
	return {
		provider_mode: settings.provider_mode,
		routing: {
			mode: settings.routing.mode,
			simple: { ...settings.routing.simple },
			matrix,
		},
		providers,
		openai_compatible: settings.providers.openai_compatible.map(
			( i: InstanceSettings ) => ( {
				id: i.id,
				label: i.label,
				base_url: i.base_url,
				model: i.model,
				key: noKeyEdit(),
			} )
		),
	};
}

/**
 * The key part of a patch: a typed key, null to remove, nothing to keep the stored one.
 *
 * @param key Key edit.
 */
function keyPatch( key: KeyEdit ): { api_key?: string | null } {
	if ( key.remove ) {
		return { api_key: null };
	}
	const value = key.value.trim();
	return value === '' ? {} : { api_key: value };
}

/**
 * `scheme://host:port` of a URL with the scheme's default port filled in, as the server
 * compares them; '' when the text is not a URL.
 *
 * @param url URL.
 */
export function originOf( url: string ): string {
	try {
		const u = new URL( url.trim() );
		const defaultPort = { 'http:': '80', 'https:': '443' }[ u.protocol ];
		return `${ u.protocol }//${ u.hostname }:${ u.port || defaultPort || '' }`;
	} catch {
		return '';
	}
}

/**
 * Whether saving drops the stored key: a key goes with its endpoint, so the server clears it
 * when the base URL moves to another origin and no new key comes in the same save.
 *
 * @param saved             The provider as last saved.
 * @param saved.base_url    Its base URL.
 * @param saved.api_key_set Whether a key is stored.
 * @param form              The provider's form.
 * @param form.base_url     The base URL typed.
 * @param form.key          The key edit.
 */
export function keyWillBeCleared(
	saved: { base_url?: string; api_key_set: boolean },
	form: { base_url: string; key: KeyEdit }
): boolean {
	if (
		! saved.api_key_set ||
		! saved.base_url ||
		form.key.remove ||
		form.key.value.trim() !== ''
	) {
		return false;
	}
	return originOf( form.base_url ) !== originOf( saved.base_url );
}

const sameList = ( a: string[], b: string[] ) =>
	a.length === b.length && a.every( ( v, i ) => v === b[ i ] );

/**
 * Only what changed between the saved settings and the form, as POST settings takes it.
 * The OpenAI-compatible list is sent whole when anything in it changed (the server replaces
 * lists, keeping stored keys by id).
 *
 * @param saved Settings as last read from the server.
 * @param form  The form.
 */
export function buildPatch(
	saved: Settings,
	form: SettingsForm
): Record< string, unknown > {
	const patch: Record< string, unknown > = {};
	if ( form.provider_mode !== saved.provider_mode ) {
		patch.provider_mode = form.provider_mode;
	}

	const routing: Record< string, unknown > = {};
	if ( form.routing.mode !== saved.routing.mode ) {
		routing.mode = form.routing.mode;
	}
	const simple: Record< string, string > = {};
	for ( const slot of [ 'text', 'image' ] as const ) {
		if ( form.routing.simple[ slot ] !== saved.routing.simple[ slot ] ) {
			simple[ slot ] = form.routing.simple[ slot ];
		}
	}
	if ( Object.keys( simple ).length ) {
		routing.simple = simple;
	}
	const matrix: Record< string, string[] > = {};
	for ( const task of TASKS ) {
		const chain = form.routing.matrix[ task ].filter( ( id ) => id !== '' );
		if ( ! sameList( chain, saved.routing.matrix[ task ] ?? [] ) ) {
			matrix[ task ] = chain;
		}
	}
	if ( Object.keys( matrix ).length ) {
		routing.matrix = matrix;
	}
	if ( Object.keys( routing ).length ) {
		patch.routing = routing;
	}

	const providers: Record< string, unknown > = {};
	for ( const id of SINGLE_PROVIDERS ) {
		const before = saved.providers[ id ];
		const after = form.providers[ id ];
		const changes: Record< string, unknown > = keyPatch( after.key );
		for ( const field of [ 'base_url', 'model', 'image_model' ] as const ) {
			if (
				after[ field ] !== undefined &&
				after[ field ] !== before[ field ]
			) {
				changes[ field ] = after[ field ];
			}
		}
		if ( Object.keys( changes ).length ) {
			providers[ id ] = changes;
		}
	}
	const list = form.openai_compatible.map( ( i ) => ( {
		id: i.id.trim(),
		label: i.label,
		base_url: i.base_url,
		model: i.model,
		...keyPatch( i.key ),
	} ) );
	const savedList = saved.providers.openai_compatible;
	const listChanged =
		list.length !== savedList.length ||
		list.some( ( i, n ) => {
			const before = savedList[ n ];
			return (
				'api_key' in i ||
				! before ||
				i.id !== before.id ||
				i.label !== before.label ||
				i.base_url !== before.base_url ||
				i.model !== before.model
			);
		} );
	if ( listChanged ) {
		providers.openai_compatible = list;
	}
	if ( Object.keys( providers ).length ) {
		patch.providers = providers;
	}
	return patch;
}
