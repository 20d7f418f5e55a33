/**
 * An error the settings route answered with, tied to the form field it names.
 */
export type FieldError = {
	/** Dotted form path, e.g. `providers.openrouter.base_url`; the top-level field otherwise. */
	path: string;
	message: string;
};

type RestError = {
	code?: unknown;
	message?: unknown;
	data?: { params?: Record< string, unknown >; field?: unknown };
};

/**
 * Reads a 400 `agentic_writer_invalid_param` answer: `data.field` is the exact field's path
 * (`providers[openrouter][base_url]`); without it (an older plugin), the path the message names,
 * else the top-level field of `data.params`.
 *
 * @param error What saveSettings rejected with.
 * @return The field error, or null when the error is not about a field.
 */
export function fieldErrorFrom( error: unknown ): FieldError | null {
	if ( ! error || typeof error !== 'object' ) {
		return null;
	}
	const { code, message, data } = error as RestError;
	if ( code !== 'agentic_writer_invalid_param' ) {
		return null;
	}
	const params = data?.params ?? {};
	const field = Object.keys( params )[ 0 ] ?? '';
	const detail = typeof params[ field ] === 'string' ? params[ field ] : '';
	const text = typeof message === 'string' ? message : String( detail );
	const inText = /\b([a-z_]+(?:\[[a-z0-9_:-]+\])+)/.exec(
		`${ String( detail ) } ${ text }`
	)?.[ 1 ];
	let named =
		typeof data?.field === 'string' && data.field !== ''
			? data.field
			: inText;
	// WordPress's own schema check names only the top-level field; its message the exact one.
	if ( named && inText?.startsWith( `${ named }[` ) ) {
		named = inText;
	}
	let path = field;
	if ( named ) {
		path = named.replace( /\[([^\]]+)\]/g, '.$1' );
	}
	// A matrix chain is one field in the form, whichever position is wrong.
	path = path.replace( /^(routing\.matrix\.[a-z]+)\.\d+$/, '$1' );
	return { path, message: text };
}

/**
 * Props that mark a control as the one the error names.
 *
 * @param error Current field error.
 * @param path  The control's form path.
 */
export function invalidProps(
	error: FieldError | null,
	path: string
): { 'aria-invalid'?: true; help?: string } {
	if ( ! error || error.path !== path ) {
		return {};
	}
	return { 'aria-invalid': true, help: error.message };
}
