/**
 * Internal dependencies
 */
import {
	TASKS,
	type ProviderDescriptor,
	type ProviderField,
	type ProviderMode,
	type Settings,
	type StoredProvider,
	type Task,
} from '../shared/provider-settings';

/** A new secret the owner typed ('' = keep the stored one), or a request to remove it. */
export type KeyEdit = { value: string; remove: boolean };

/** One provider (or one instance of a multi-instance type) as the page edits it. */
export type ProviderForm = {
	/** Every field but secrets, as text. */
	values: Record< string, string >;
	/** Every secret field: what to do with it on save. */
	secrets: Record< string, KeyEdit >;
};

/** What the page edits: the settings with secrets replaced by edits, numbers as typed. */
export type SettingsForm = {
	provider_mode: ProviderMode;
	routing: {
		mode: 'simple' | 'advanced';
		simple: { text: string; image: string };
		matrix: Record< Task, string[] >;
	};
	/** Types that hold one set of settings. */
	providers: Record< string, ProviderForm >;
	/** Types that hold a list (`multiple`), e.g. OpenAI-compatible endpoints. */
	instances: Record< string, ProviderForm[] >;
	breaker: { failure_threshold: string; cooldown_seconds: string };
	timeouts: { connect_seconds: string; read_seconds: string };
};

export const noKeyEdit = (): KeyEdit => ( { value: '', remove: false } );

/**
 * A field's stored value as text; its default when the settings do not hold it.
 *
 * @param stored The provider's stored settings.
 * @param field  Field from the descriptor.
 */
export function storedValue(
	stored: StoredProvider | undefined,
	field: ProviderField
): string {
	const value = stored?.[ field.name ];
	if ( typeof value === 'string' ) {
		return value;
	}
	if ( typeof value === 'number' || typeof value === 'boolean' ) {
		return String( value );
	}
	return field.default;
}

/**
 * What GET settings says of a secret: whether one is stored, its hint, why it cannot be used.
 *
 * @param stored The provider's stored settings.
 * @param name   Secret field name, e.g. `api_key`.
 */
export function secretState(
	stored: StoredProvider | undefined,
	name: string
): { isSet: boolean; hint: string; error?: string } {
	const hint = stored?.[ `${ name }_hint` ];
	const error = stored?.[ `${ name }_error` ];
	return {
		isSet: stored?.[ `${ name }_set` ] === true,
		hint: typeof hint === 'string' ? hint : '',
		...( typeof error === 'string' && error !== '' ? { error } : {} ),
	};
}

/**
 * The stored settings of a single type (`{}` when none).
 *
 * @param settings GET settings.
 * @param type     Provider type.
 */
export function storedSingle(
	settings: Settings,
	type: string
): StoredProvider {
	const value = settings.providers[ type ];
	return value && ! Array.isArray( value ) ? value : {};
}

/**
 * The stored list of a multiple type (`[]` when none).
 *
 * @param settings GET settings.
 * @param type     Provider type.
 */
export function storedList(
	settings: Settings,
	type: string
): StoredProvider[] {
	const value = settings.providers[ type ];
	return Array.isArray( value ) ? value : [];
}

/**
 * A provider's form from its descriptor and stored settings.
 *
 * @param descriptor Provider type.
 * @param stored     Its stored settings.
 */
export function providerForm(
	descriptor: ProviderDescriptor,
	stored: StoredProvider | undefined
): ProviderForm {
	const form: ProviderForm = { values: {}, secrets: {} };
	for ( const field of descriptor.fields ) {
		if ( field.type === 'secret' ) {
			form.secrets[ field.name ] = noKeyEdit();
		} else {
			form.values[ field.name ] = storedValue( stored, field );
		}
	}
	return form;
}

/**
 * The name of the field that identifies an instance of a multiple type (`id`).
 *
 * @param descriptor Provider type.
 */
export function idFieldOf( descriptor: ProviderDescriptor ): string {
	return descriptor.fields.find( ( f ) => f.type === 'id' )?.name ?? 'id';
}

/**
 * Routing id of an instance: `<type>:<instance id>`.
 *
 * @param descriptor Provider type.
 * @param form       The instance.
 */
export function instanceProviderId(
	descriptor: ProviderDescriptor,
	form: ProviderForm
): string {
	const id = ( form.values[ idFieldOf( descriptor ) ] ?? '' ).trim();
	return `${ descriptor.type }:${ id }`;
}

/**
 * A new instance: the descriptor's defaults and a free id (`endpoint-2`).
 *
 * @param descriptor Provider type.
 * @param existing   Instances already in the form.
 */
export function newInstance(
	descriptor: ProviderDescriptor,
	existing: ProviderForm[]
): ProviderForm {
	const form = providerForm( descriptor, undefined );
	const idField = idFieldOf( descriptor );
	const taken = new Set( existing.map( ( i ) => i.values[ idField ] ) );
	let n = existing.length + 1;
	while ( taken.has( `endpoint-${ n }` ) ) {
		n++;
	}
	form.values[ idField ] = `endpoint-${ n }`;
	return form;
}

/**
 * The form as the server's settings and provider descriptors fill it.
 *
 * @param settings Settings from GET/POST settings.
 * @param types    Descriptors from GET providers.
 */
export function formFromSettings(
	settings: Settings,
	types: ProviderDescriptor[]
): SettingsForm {
	const matrix = {} as Record< Task, string[] >;
	for ( const task of TASKS ) {
		matrix[ task ] = [ ...( settings.routing.matrix[ task ] ?? [] ) ];
	}
	const providers: Record< string, ProviderForm > = {};
	const instances: Record< string, ProviderForm[] > = {};
	for ( const descriptor of types ) {
		if ( descriptor.multiple ) {
			instances[ descriptor.type ] = storedList(
				settings,
				descriptor.type
			).map( ( stored ) => providerForm( descriptor, stored ) );
		} else {
			providers[ descriptor.type ] = providerForm(
				descriptor,
				storedSingle( settings, descriptor.type )
			);
		}
	}
	return {
		provider_mode: settings.provider_mode,
		routing: {
			mode: settings.routing.mode,
			simple: { ...settings.routing.simple },
			matrix,
		},
		providers,
		instances,
		breaker: {
			failure_threshold: String( settings.breaker.failure_threshold ),
			cooldown_seconds: String( settings.breaker.cooldown_seconds ),
		},
		timeouts: {
			connect_seconds: String( settings.timeouts.connect_seconds ),
			read_seconds: String( settings.timeouts.read_seconds ),
		},
	};
}

/**
 * A secret's part of a patch: a typed value, null to remove, nothing to keep the stored one.
 *
 * @param name Secret field name.
 * @param edit Its edit.
 */
function secretPatch(
	name: string,
	edit: KeyEdit | undefined
): Record< string, string | null > {
	if ( ! edit ) {
		return {};
	}
	if ( edit.remove ) {
		return { [ name ]: null };
	}
	const value = edit.value.trim();
	return value === '' ? {} : { [ name ]: value };
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
 * The changed fields of one provider: values that differ from the stored ones, secret edits.
 *
 * @param descriptor Provider type.
 * @param stored     Its stored settings.
 * @param form       Its form.
 */
function providerChanges(
	descriptor: ProviderDescriptor,
	stored: StoredProvider,
	form: ProviderForm
): Record< string, unknown > {
	const changes: Record< string, unknown > = {};
	for ( const field of descriptor.fields ) {
		if ( field.type === 'secret' ) {
			Object.assign(
				changes,
				secretPatch( field.name, form.secrets[ field.name ] )
			);
			continue;
		}
		const value = form.values[ field.name ] ?? '';
		if ( value !== storedValue( stored, field ) ) {
			changes[ field.name ] = value;
		}
	}
	return changes;
}

/**
 * An instance as a list entry of the patch: every value (the server replaces lists, keeping
 * stored secrets by id) and the secrets that were edited.
 *
 * @param descriptor Provider type.
 * @param form       The instance.
 */
function instancePayload(
	descriptor: ProviderDescriptor,
	form: ProviderForm
): Record< string, unknown > {
	const payload: Record< string, unknown > = {};
	for ( const field of descriptor.fields ) {
		if ( field.type === 'secret' ) {
			Object.assign(
				payload,
				secretPatch( field.name, form.secrets[ field.name ] )
			);
		} else {
			const value = form.values[ field.name ] ?? '';
			payload[ field.name ] = field.type === 'id' ? value.trim() : value;
		}
	}
	return payload;
}

/**
 * Whether a list differs from the stored one: length, a value, or a secret edit.
 *
 * @param descriptor Provider type.
 * @param stored     Stored list.
 * @param list       The list as it would be sent.
 */
function listChanged(
	descriptor: ProviderDescriptor,
	stored: StoredProvider[],
	list: Record< string, unknown >[]
): boolean {
	return (
		list.length !== stored.length ||
		list.some( ( entry, n ) =>
			descriptor.fields.some( ( field ) =>
				field.type === 'secret'
					? field.name in entry
					: entry[ field.name ] !== storedValue( stored[ n ], field )
			)
		)
	);
}

/**
 * A number field's patch: the number when it changed, the text as typed when it is not a
 * number (the server then names the field), null when unchanged.
 *
 * @param saved Stored number.
 * @param text  What the field holds.
 */
function numberChange( saved: number, text: string ): number | string | null {
	const value = Number( text );
	if ( text.trim() === '' || ! Number.isFinite( value ) ) {
		return text;
	}
	return value === saved ? null : value;
}

/**
 * The changed members of a group of numbers (`breaker`, `timeouts`).
 *
 * @param saved Stored numbers.
 * @param form  Numbers as typed.
 */
function numbersPatch(
	saved: Record< string, number >,
	form: Record< string, string >
): Record< string, number | string > {
	const changes: Record< string, number | string > = {};
	for ( const [ name, text ] of Object.entries( form ) ) {
		const change = numberChange( saved[ name ] ?? NaN, text );
		if ( change !== null ) {
			changes[ name ] = change;
		}
	}
	return changes;
}

/**
 * Only what changed between the saved settings and the form, as POST settings takes it.
 * A multiple type's list is sent whole when anything in it changed.
 *
 * @param saved Settings as last read from the server.
 * @param form  The form.
 * @param types Descriptors from GET providers.
 */
export function buildPatch(
	saved: Settings,
	form: SettingsForm,
	types: ProviderDescriptor[]
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
	for ( const descriptor of types ) {
		const { type } = descriptor;
		if ( descriptor.multiple ) {
			const list = ( form.instances[ type ] ?? [] ).map( ( i ) =>
				instancePayload( descriptor, i )
			);
			if ( listChanged( descriptor, storedList( saved, type ), list ) ) {
				providers[ type ] = list;
			}
			continue;
		}
		const single = form.providers[ type ];
		const changes = single
			? providerChanges( descriptor, storedSingle( saved, type ), single )
			: {};
		if ( Object.keys( changes ).length ) {
			providers[ type ] = changes;
		}
	}
	if ( Object.keys( providers ).length ) {
		patch.providers = providers;
	}

	for ( const group of [ 'breaker', 'timeouts' ] as const ) {
		const changes = numbersPatch( saved[ group ], form[ group ] );
		if ( Object.keys( changes ).length ) {
			patch[ group ] = changes;
		}
	}
	return patch;
}
