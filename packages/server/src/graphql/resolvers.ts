// Every resolver of the hub; a module adds its resolver here.
import { AccidentResolver } from '../modules/accident/accident.resolver.js';
import { TownshipResolver } from '../modules/township/township.resolver.js';
import { NodeResolver } from './node.resolver.js';

export const RESOLVERS = [NodeResolver, TownshipResolver, AccidentResolver] as const;
