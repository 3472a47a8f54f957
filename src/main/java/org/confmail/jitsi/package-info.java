/**
 * Jitsi Meet's dial-in backend: the numbers list its invite dialog reads ({@code dialInNumbersUrl}) and the
 * conference mapper ({@code dialInConfCodeUrl}) that gives every Jitsi room a conference ID the bridge recognises
 * and tells the dial-in side which room an ID belongs to. Public, under {@code /jitsi}, in Jitsi's own JSON formats.
 */
package org.confmail.jitsi;
