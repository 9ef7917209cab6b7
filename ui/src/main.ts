import { locale, setLocale } from './i18n';
import './app/harbour-app';

setLocale(locale());
