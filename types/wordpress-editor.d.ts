/**
 * The pieces of @wordpress/editor this project uses. The package is not installed (it is
 * hundreds of MB); webpack turns the import into the `wp.editor` global WordPress ships.
 */
declare module '@wordpress/editor' {
	import type { ComponentType, ReactNode } from 'react';

	type Icon = string | ReactNode;

	export interface PluginSidebarProps {
		name: string;
		title: string;
		icon?: Icon;
		className?: string;
		isPinnable?: boolean;
		header?: ReactNode;
		children?: ReactNode;
	}

	export interface PluginSidebarMoreMenuItemProps {
		target: string;
		icon?: Icon;
		children?: ReactNode;
	}

	export const PluginSidebar: ComponentType< PluginSidebarProps >;
	export const PluginSidebarMoreMenuItem: ComponentType< PluginSidebarMoreMenuItemProps >;
}
